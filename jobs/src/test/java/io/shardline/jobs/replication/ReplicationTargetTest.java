package io.shardline.jobs.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.jobs.cli.TableConnection;
import org.junit.jupiter.api.Test;

class ReplicationTargetTest {
    private static TableConnection source() {
        TableConnection source = new TableConnection();
        source.endpoint = "http://127.0.0.1:8000";
        source.accessKey = "source-key";
        source.secretKey = "source-secret";
        return source;
    }

    @Test
    void aBareNameIsATableBesideTheSource() {
        ReplicationTarget target = ReplicationTarget.parse("Copy", source());
        assertThat(target.table()).isEqualTo("Copy");
        assertThat(target.name()).isEqualTo("Copy");
        assertThat(target.settings().endpoint()).isEqualTo("http://127.0.0.1:8000");
        assertThat(target.isSource("Copy", source())).isTrue();
    }

    @Test
    void settingsLeftOutAreTheSources() {
        ReplicationTarget other = ReplicationTarget.parse("table=Copy,endpoint=http://10.0.0.2:8000", source());
        assertThat(other.name()).isEqualTo("Copy at http://10.0.0.2:8000");
        assertThat(other.connection().accessKey).isEqualTo("source-key");
        ReplicationTarget amazon =
                ReplicationTarget.parse("table=Copy,endpoint=aws,region=eu-west-1,access-key=", source());
        assertThat(amazon.name()).isEqualTo("Copy at aws eu-west-1");
        assertThat(amazon.settings().endpoint()).isNull();
        assertThat(amazon.settings().region()).isEqualTo("eu-west-1");
        assertThat(amazon.isSource("Copy", source())).isFalse();
    }

    @Test
    void aTargetWithoutKeysOfItsOwnUsesTheSourcesProfileAndRoleUnlessItNamesItsOwn() {
        TableConnection source = source();
        source.endpoint = "aws";
        source.profile = "analytics";
        source.roleArn = "arn:aws:iam::123456789012:role/copier";
        ReplicationTarget beside = ReplicationTarget.parse("table=Copy,region=us-west-2", source);
        assertThat(beside.settings().credentials())
                .hasToString("role arn:aws:iam::123456789012:role/copier "
                        + "(session shardline) assumed with profile analytics");
        ReplicationTarget ownKeys = ReplicationTarget.parse("table=Copy,access-key=K,secret-key=S", source);
        assertThat(ownKeys.settings().credentials()).hasToString("static keys K");
        ReplicationTarget otherAccount = ReplicationTarget.parse(
                "table=Copy,region=eu-west-1,role-arn=arn:aws:iam::210987654321:role/replica-writer", source);
        assertThat(otherAccount.settings().credentials())
                .hasToString("role arn:aws:iam::210987654321:role/replica-writer"
                        + " (session shardline) assumed with profile analytics");
        ReplicationTarget otherProfile = ReplicationTarget.parse("table=Copy,profile=backup", source);
        assertThat(otherProfile.settings().credentials())
                .hasToString("role arn:aws:iam::123456789012:role/copier "
                        + "(session shardline) assumed with profile backup");
    }

    @Test
    void unknownSettingsAndMissingTablesAreRefused() {
        assertThatThrownBy(() -> ReplicationTarget.parse("table=Copy,port=1", source()))
                .hasMessageContaining("'port=1'")
                .hasMessageContaining("endpoint=");
        assertThatThrownBy(() -> ReplicationTarget.parse("endpoint=http://x:1", source()))
                .hasMessageContaining("names no table");
    }
}
