package io.shardline.items;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A transaction was refused as a whole; one reason per action says which actions failed and why. */
public final class TransactionCanceledException extends DynamoException {
    private final transient List<Reason> reasons;

    /**
     * Why one action did not go through: {@code code} is None (this action was fine),
     * ConditionalCheckFailed or ValidationError.
     */
    public record Reason(String code, String message, Map<String, AttributeValue> item) {
        public static final Reason NONE = new Reason("None", null, null);
    }

    public TransactionCanceledException(List<Reason> reasons) {
        super(
                ErrorType.TRANSACTION_CANCELED,
                "Transaction cancelled, please refer cancellation reasons for specific " + "reasons "
                        + reasons.stream().map(Reason::code).collect(Collectors.joining(", ", "[", "]")));
        this.reasons = List.copyOf(reasons);
    }

    public List<Reason> reasons() {
        return reasons;
    }
}
