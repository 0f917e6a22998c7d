package io.shardline.engine.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBAttribute;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBHashKey;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBScanExpression;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBTable;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBVersionAttribute;
import com.amazonaws.services.dynamodbv2.model.ComparisonOperator;
import com.amazonaws.services.dynamodbv2.model.Condition;
import com.amazonaws.services.dynamodbv2.model.ConditionalCheckFailedException;
import com.amazonaws.services.dynamodbv2.model.CreateTableRequest;
import com.amazonaws.services.dynamodbv2.model.ProvisionedThroughput;
import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.server.ServerConfig;
import io.shardline.engine.server.ShardlineServer;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The object mappers applications keep their items with, unchanged, against the engine's server:
 * DynamoDBMapper of the AWS SDK for Java v1 (whose optimistic locking sends the legacy Expected) and
 * the SDK v2 Enhanced Client with its versioned-record extension (a condition expression).
 */
@Timeout(120)
class ObjectMappersITCase {
    private final Engine engine = Engine.open(EngineConfig.inMemory());
    private final ShardlineServer server = ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC());

    @AfterEach
    void close() {
        server.close();
        engine.close();
    }

    @Test
    void dynamoDbMapperOfSdkV1LocksOptimisticallyWithExpected() {
        AmazonDynamoDB client = AmazonDynamoDBClientBuilder.standard()
                .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(server.endpoint(), "us-east-1"))
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials("AKIDV1", "secret")))
                .build();
        try {
            DynamoDBMapper mapper = new DynamoDBMapper(client);
            CreateTableRequest create = mapper.generateCreateTableRequest(Account.class)
                    .withProvisionedThroughput(new ProvisionedThroughput(5L, 5L));
            client.createTable(create);

            Account account = new Account("alice", 100);
            mapper.save(account);
            assertThat(account.getVersion()).as("the mapper's first version").isEqualTo(1L);
            assertThatThrownBy(() -> mapper.save(new Account("alice", 5)))
                    .as("a new object over an existing item (Expected: version does not exist)")
                    .isInstanceOf(ConditionalCheckFailedException.class);

            Account first = mapper.load(Account.class, "alice");
            Account stale = mapper.load(Account.class, "alice");
            first.setBalance(150);
            mapper.save(first);
            assertThat(first.getVersion()).isEqualTo(2L);
            stale.setBalance(999);
            assertThatThrownBy(() -> mapper.save(stale))
                    .as("a save of a stale copy")
                    .isInstanceOf(ConditionalCheckFailedException.class);
            assertThatThrownBy(() -> mapper.delete(stale))
                    .as("a delete of a stale copy")
                    .isInstanceOf(ConditionalCheckFailedException.class);
            assertThat(mapper.load(Account.class, "alice").getBalance()).isEqualTo(150);

            mapper.batchSave(List.of(new Account("bob", 20), new Account("carol", 300)));
            List<Account> rich = mapper.scan(
                    Account.class,
                    new DynamoDBScanExpression()
                            .withScanFilter(Map.of(
                                    "balance",
                                    new Condition()
                                            .withComparisonOperator(ComparisonOperator.GE)
                                            .withAttributeValueList(
                                                    new com.amazonaws.services.dynamodbv2.model.AttributeValue()
                                                            .withN("100")))));
            assertThat(rich).extracting(Account::getId).containsExactlyInAnyOrder("alice", "carol");
            mapper.delete(first);
            assertThat(mapper.load(Account.class, "alice")).isNull();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void enhancedClientOfSdkV2LocksOptimisticallyWithItsVersionExtension() {
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(URI.create(server.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDV2", "secret")))
                .build()) {
            DynamoDbTable<Ledger> ledgers = DynamoDbEnhancedClient.builder()
                    .dynamoDbClient(client)
                    .build()
                    .table("Ledgers", TableSchema.fromBean(Ledger.class));
            ledgers.createTable();
            Ledger ledger = new Ledger();
            ledger.setId("main");
            ledger.setEntries(1);
            ledgers.putItem(ledger);
            Ledger first = ledgers.getItem(Key.builder().partitionValue("main").build());
            Ledger stale = ledgers.getItem(Key.builder().partitionValue("main").build());
            first.setEntries(2);
            Ledger updated = ledgers.updateItem(first);
            assertThat(updated.getVersion()).isEqualTo(first.getVersion() + 1);
            stale.setEntries(42);
            assertThatThrownBy(() -> ledgers.updateItem(stale))
                    .as("an update of a stale copy")
                    .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException.class);
            assertThat(ledgers.getItem(Key.builder().partitionValue("main").build())
                            .getEntries())
                    .isEqualTo(2);
        }
    }

    /** An account as DynamoDBMapper maps it, with its optimistic-locking version. */
    @DynamoDBTable(tableName = "Accounts")
    public static class Account {
        private String id;
        private Long version;
        private long balance;

        public Account() {}

        Account(String id, long balance) {
            this.id = id;
            this.balance = balance;
        }

        @DynamoDBHashKey
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        @DynamoDBVersionAttribute
        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
        }

        @DynamoDBAttribute
        public long getBalance() {
            return balance;
        }

        public void setBalance(long balance) {
            this.balance = balance;
        }
    }

    /** A ledger as the Enhanced Client maps it, versioned by its extension. */
    @DynamoDbBean
    public static class Ledger {
        private String id;
        private Long version;
        private int entries;

        @DynamoDbPartitionKey
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        @DynamoDbVersionAttribute
        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
        }

        public int getEntries() {
            return entries;
        }

        public void setEntries(int entries) {
            this.entries = entries;
        }
    }
}
