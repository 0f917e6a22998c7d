package io.shardline.items.expr;

import java.util.ArrayList;
import java.util.List;

/** The document paths a condition reads. */
public final class ExpressionPaths {
    private ExpressionPaths() {}

    public static List<Path> of(BooleanExpression expression) {
        List<Path> paths = new ArrayList<>();
        collect(expression, paths);
        return paths;
    }

    private static void collect(BooleanExpression expression, List<Path> paths) {
        if (expression instanceof BooleanExpression.And and) {
            collect(and.left(), paths);
            collect(and.right(), paths);
        } else if (expression instanceof BooleanExpression.Or or) {
            collect(or.left(), paths);
            collect(or.right(), paths);
        } else if (expression instanceof BooleanExpression.Not not) {
            collect(not.operand(), paths);
        } else if (expression instanceof BooleanExpression.Comparison c) {
            collect(c.left(), paths);
            collect(c.right(), paths);
        } else if (expression instanceof BooleanExpression.Between b) {
            List.of(b.value(), b.lower(), b.upper()).forEach(o -> collect(o, paths));
        } else if (expression instanceof BooleanExpression.In in) {
            collect(in.value(), paths);
            in.candidates().forEach(o -> collect(o, paths));
        } else if (expression instanceof BooleanExpression.Function f) {
            f.arguments().forEach(o -> collect(o, paths));
        }
    }

    private static void collect(Operand operand, List<Path> paths) {
        if (operand instanceof Operand.PathOperand p) {
            paths.add(p.path());
        } else if (operand instanceof Operand.Size s) {
            paths.add(s.path());
        }
    }
}
