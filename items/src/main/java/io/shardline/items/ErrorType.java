package io.shardline.items;

/** DynamoDB error types the engine raises, with their wire names and whether the client is at fault. */
public enum ErrorType {
    VALIDATION("ValidationException", true),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", true),
    TABLE_NOT_FOUND("TableNotFoundException", true),
    RESOURCE_IN_USE("ResourceInUseException", true),
    CONDITIONAL_CHECK_FAILED("ConditionalCheckFailedException", true),
    LIMIT_EXCEEDED("LimitExceededException", true),
    SERIALIZATION("SerializationException", true),
    DUPLICATE_ITEM("DuplicateItemException", true),
    POLICY_NOT_FOUND("PolicyNotFoundException", true),
    TRANSACTION_CANCELED("TransactionCanceledException", true),
    IDEMPOTENT_PARAMETER_MISMATCH("IdempotentParameterMismatchException", true),
    EXPIRED_ITERATOR("ExpiredIteratorException", true),
    TRIMMED_DATA_ACCESS("TrimmedDataAccessException", true),
    UNKNOWN_OPERATION("UnknownOperationException", true, true),
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException", true, true),
    INCOMPLETE_SIGNATURE("IncompleteSignatureException", true, true),
    UNRECOGNIZED_CLIENT("UnrecognizedClientException", true, true),
    INVALID_SIGNATURE("InvalidSignatureException", true, true),
    PROVISIONED_THROUGHPUT_EXCEEDED("ProvisionedThroughputExceededException", true),
    THROTTLING("ThrottlingException", true, true),
    ACCESS_DENIED("AccessDeniedException", true, true),
    INTERNAL_SERVER_ERROR("InternalServerError", false);

    private final String wireName;
    private final boolean clientFault;
    private final boolean serviceFramework;

    ErrorType(String wireName, boolean clientFault) {
        this(wireName, clientFault, false);
    }

    ErrorType(String wireName, boolean clientFault, boolean serviceFramework) {
        this.wireName = wireName;
        this.clientFault = clientFault;
        this.serviceFramework = serviceFramework;
    }

    /**
     * Whether DynamoDB raises this error in its service framework (before the operation runs), which
     * names it in the {@code com.amazon.coral.service} namespace rather than the operation's.
     */
    public boolean serviceFramework() {
        return serviceFramework;
    }

    /** The name DynamoDB puts after the '#' of an error's {@code __type}. */
    public String wireName() {
        return wireName;
    }

    public boolean clientFault() {
        return clientFault;
    }
}
