package dev.entrashell.emulator.graph.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.entrashell.emulator.graph.error.GraphException;

/**
 * A parsed {@code $filter}: the subset of OData that Graph's directory supports (comparisons,
 * {@code in}, {@code startsWith}/{@code endsWith}, {@code any} over string collections, {@code
 * and}/{@code or}/{@code not} with parentheses), checked against each property's capabilities the
 * way Graph checks them, then evaluated per object.
 */
public final class Filter {

    /** A node of the expression tree. */
    sealed interface Node permits And, Or, Not, Compare, In, StringFunction, Any {}

    record And(Node left, Node right) implements Node {}

    record Or(Node left, Node right) implements Node {}

    record Not(Node operand) implements Node {}

    /** {@code path op literal}; path is a property, a complex property's child, or a lambda variable. */
    record Compare(List<String> path, String operator, Literal literal) implements Node {}

    record In(List<String> path, List<Literal> literals) implements Node {}

    /** startsWith or endsWith. */
    record StringFunction(String function, List<String> path, Literal literal) implements Node {}

    /** {@code path/any(variable: body)}. */
    record Any(List<String> path, String variable, Node body) implements Node {}

    /** A literal value: a String, Boolean, Instant, GUID text, number text, or null. */
    record Literal(Object value, String edmType, String text) {}

    private final String text;
    private final Node root;

    private Filter(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    public String text() {
        return text;
    }

    // ---- parsing ---------------------------------------------------------------------------------

    public static Filter parse(String text) throws GraphException {
        FilterParser parser = new FilterParser(text);
        Node root = parser.parseOr();
        if (!parser.atEnd()) {
            throw parser.syntaxError();
        }
        return new Filter(text, root);
    }

    /** {@code startswith} as Graph names it in errors: {@code Startswith}. */
    static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    // ---- checking against Graph's capabilities ---------------------------------------------------

    /**
     * Checks every clause as Graph does: known properties, operators the property supports by
     * default or (when {@code advanced}) with advanced query parameters, literals of the property's
     * type, and signInActivity not combined with other properties.
     *
     * @param type the collection's type, whose properties the filter names
     * @return the properties the filter reads (top-level names, lower-case)
     */
    public Set<String> check(EntityType<?> type, boolean advanced) throws GraphException {
        Set<String> used = new LinkedHashSet<>();
        check(root, type, advanced, null, used);
        if (used.contains("signinactivity") && used.size() > 1) {
            throw unsupportedClause("signInActivity", type);
        }
        return used;
    }

    private static void check(Node node, EntityType<?> type, boolean advanced, Lambda lambda, Set<String> used)
            throws GraphException {
        if (node instanceof And and) {
            check(and.left(), type, advanced, lambda, used);
            check(and.right(), type, advanced, lambda, used);
        } else if (node instanceof Or or) {
            check(or.left(), type, advanced, lambda, used);
            check(or.right(), type, advanced, lambda, used);
        } else if (node instanceof Not not) {
            if (!advanced) {
                throw GraphException.unsupportedQuery("Filter operator 'Not' is not supported.");
            }
            check(not.operand(), type, advanced, lambda, used);
            for (Property<?> property : clauseProperties(not.operand(), type, lambda)) {
                require(property, FilterOperator.NOT, advanced, type);
            }
        } else if (node instanceof Compare compare) {
            Property<?> property = resolve(compare.path(), type, lambda, used);
            boolean isNull = compare.literal().value() == null;
            FilterOperator operator =
                    switch (compare.operator()) {
                        case "eq" -> FilterOperator.EQ;
                        case "ne" -> FilterOperator.NE;
                        case "ge", "gt" -> FilterOperator.GE;
                        default -> FilterOperator.LE;
                    };
            if (operator == FilterOperator.NE) {
                if (!advanced) {
                    throw GraphException.unsupportedQuery("Filter operator 'NotEqualsMatch' is not supported.");
                }
            }
            if (!isElement(compare.path(), lambda)) {
                require(property, isNull ? FilterOperator.NULL : operator, advanced, type);
                if (isNull && operator == FilterOperator.NE) {
                    require(property, FilterOperator.NE, advanced, type);
                }
            } else if (operator == FilterOperator.GE || operator == FilterOperator.LE || isNull) {
                throw unsupportedClause(property.name(), type);
            }
            if (isNull && operator != FilterOperator.EQ && operator != FilterOperator.NE) {
                throw unsupportedClause(property.name(), type);
            }
            if (!isNull) {
                checkLiteral(property, compare.literal(), compare.operator());
            }
        } else if (node instanceof In in) {
            Property<?> property = resolve(in.path(), type, lambda, used);
            if (!isElement(in.path(), lambda)) {
                require(property, FilterOperator.IN, advanced, type);
            }
            for (Literal literal : in.literals()) {
                checkLiteral(property, literal, "eq");
            }
        } else if (node instanceof StringFunction function) {
            Property<?> property = resolve(function.path(), type, lambda, used);
            boolean element = isElement(function.path(), lambda);
            if (function.function().equals("endswith")) {
                if ((element || property.filterable(FilterOperator.ENDS_WITH, true)) && !advanced) {
                    throw GraphException.unsupportedQuery("Operator 'endsWith' is not supported because the required"
                            + " parameters might be missing. Try adding $count=true query parameter and"
                            + " ConsistencyLevel:eventual header. Refer to"
                            + " https://aka.ms/graph-docs/advanced-queries for more information");
                }
                if (!element) {
                    require(property, FilterOperator.ENDS_WITH, advanced, type);
                }
            } else if (!element) {
                require(property, FilterOperator.STARTS_WITH, advanced, type);
            }
            if (property.kind() != Property.Kind.STRING && property.kind() != Property.Kind.STRINGS) {
                throw unsupportedClause(property.name(), type);
            }
            checkLiteral(property, function.literal(), function.function());
        } else if (node instanceof Any any) {
            if (lambda != null) {
                throw GraphException.unsupportedQuery("Unsupported Query.");
            }
            Property<?> collection = resolve(any.path(), type, null, used);
            if (collection.kind() != Property.Kind.STRINGS) {
                throw unsupportedClause(collection.name(), type);
            }
            require(collection, FilterOperator.ANY, advanced, type);
            check(any.body(), type, advanced, new Lambda(any.variable(), collection), used);
        }
    }

    /** Inside {@code any}, the variable stands for an element of the collection property. */
    private record Lambda(String variable, Property<?> collection) {}

    private static boolean isElement(List<String> path, Lambda lambda) {
        return lambda != null && path.size() == 1 && path.get(0).equals(lambda.variable());
    }

    /** The properties a clause under {@code not} compares (for the NOT capability). */
    private static List<Property<?>> clauseProperties(Node node, EntityType<?> type, Lambda lambda) {
        List<Property<?>> properties = new ArrayList<>();
        try {
            if (node instanceof Compare compare) {
                properties.add(resolve(compare.path(), type, lambda, new LinkedHashSet<>()));
            } else if (node instanceof In in) {
                properties.add(resolve(in.path(), type, lambda, new LinkedHashSet<>()));
            } else if (node instanceof StringFunction function) {
                properties.add(resolve(function.path(), type, lambda, new LinkedHashSet<>()));
            } else if (node instanceof Any any) {
                properties.add(resolve(any.path(), type, null, new LinkedHashSet<>()));
            } else if (node instanceof Not not) {
                properties.addAll(clauseProperties(not.operand(), type, lambda));
            } else if (node instanceof And and) {
                properties.addAll(clauseProperties(and.left(), type, lambda));
                properties.addAll(clauseProperties(and.right(), type, lambda));
            } else if (node instanceof Or or) {
                properties.addAll(clauseProperties(or.left(), type, lambda));
                properties.addAll(clauseProperties(or.right(), type, lambda));
            }
        } catch (GraphException e) {
            // already reported by check()
        }
        return properties;
    }

    private static Property<?> resolve(List<String> path, EntityType<?> type, Lambda lambda, Set<String> used)
            throws GraphException {
        if (lambda != null && path.size() == 1 && path.get(0).equals(lambda.variable())) {
            return lambda.collection();
        }
        Property<?> property = type.property(path.get(0));
        if (property == null) {
            throw GraphException.directoryBadRequest(
                    "Could not find a property named '" + path.get(0) + "' on type '" + type.directoryName() + "'.");
        }
        used.add(property.name().toLowerCase(Locale.ROOT));
        if (path.size() == 1) {
            if (property.kind() == Property.Kind.COMPLEX || property.kind() == Property.Kind.OBJECTS) {
                throw unsupportedClause(property.name(), type);
            }
            return property;
        }
        Property<?> child = path.size() == 2 ? property.child(path.get(1)) : null;
        if (child == null) {
            throw GraphException.directoryBadRequest("Could not find a property named '" + path.get(path.size() - 1)
                    + "' on type '" + type.directoryName() + "'.");
        }
        return child;
    }

    private static void require(Property<?> property, FilterOperator operator, boolean advanced, EntityType<?> type)
            throws GraphException {
        if (!property.filterable(operator, advanced)) {
            throw unsupportedClause(property.name(), type);
        }
    }

    private static GraphException unsupportedClause(String property, EntityType<?> type) {
        return GraphException.unsupportedQuery("Unsupported or invalid query filter clause specified for property '"
                + property + "' of resource '" + type.resourceName() + "'.");
    }

    private static void checkLiteral(Property<?> property, Literal literal, String operator) throws GraphException {
        String expected =
                switch (property.kind()) {
                    case STRING, STRINGS -> "Edm.String";
                    case BOOLEAN -> "Edm.Boolean";
                    case GUID -> "Edm.Guid";
                    case DATE_TIME -> "Edm.DateTimeOffset";
                    default -> property.kind().edmName();
                };
        String actual = literal.edmType();
        boolean ok =
                switch (property.kind()) {
                    case STRING, STRINGS -> actual.equals("Edm.String");
                    case BOOLEAN -> actual.equals("Edm.Boolean");
                    case GUID -> actual.equals("Edm.Guid") || actual.equals("Edm.String");
                    case DATE_TIME -> actual.equals("Edm.DateTimeOffset") || actual.equals("Edm.Date");
                    default -> false;
                };
        if (!ok) {
            throw GraphException.badRequest("A binary operator with incompatible types was detected. Found operand"
                    + " types '" + expected + "' and '" + actual + "' for operator kind '" + operatorKind(operator)
                    + "'.");
        }
    }

    private static String operatorKind(String operator) {
        return switch (operator) {
            case "eq" -> "Equal";
            case "ne" -> "NotEqual";
            case "gt" -> "GreaterThan";
            case "ge" -> "GreaterThanOrEqual";
            case "lt" -> "LessThan";
            case "le" -> "LessThanOrEqual";
            default -> capitalized(operator);
        };
    }

    // ---- evaluation ------------------------------------------------------------------------------

    /** True when the object (of any directory type) satisfies the filter. */
    public boolean matches(Object object) {
        return evaluate(root, object, EntityTypes.of(object), null, null);
    }

    private static boolean evaluate(Node node, Object object, EntityType<?> type, String variable, Object element) {
        if (node instanceof And and) {
            return evaluate(and.left(), object, type, variable, element)
                    && evaluate(and.right(), object, type, variable, element);
        }
        if (node instanceof Or or) {
            return evaluate(or.left(), object, type, variable, element)
                    || evaluate(or.right(), object, type, variable, element);
        }
        if (node instanceof Not not) {
            return !evaluate(not.operand(), object, type, variable, element);
        }
        if (node instanceof Compare compare) {
            Object value = value(compare.path(), object, type, variable, element);
            return compare(value, compare.operator(), compare.literal().value());
        }
        if (node instanceof In in) {
            Object value = value(in.path(), object, type, variable, element);
            for (Literal literal : in.literals()) {
                if (compare(value, "eq", literal.value())) {
                    return true;
                }
            }
            return false;
        }
        if (node instanceof StringFunction function) {
            Object value = value(function.path(), object, type, variable, element);
            String prefix = String.valueOf(function.literal().value());
            if (value instanceof String text) {
                return function.function().equals("startswith")
                        ? text.regionMatches(true, 0, prefix, 0, prefix.length())
                        : text.regionMatches(true, text.length() - prefix.length(), prefix, 0, prefix.length());
            }
            return false;
        }
        if (node instanceof Any any) {
            Object collection = value(any.path(), object, type, null, null);
            if (collection instanceof List<?> list) {
                for (Object item : list) {
                    if (evaluate(any.body(), object, type, any.variable(), item)) {
                        return true;
                    }
                }
            }
            return false;
        }
        throw new IllegalStateException("unknown filter node " + node);
    }

    private static Object value(List<String> path, Object object, EntityType<?> type, String variable, Object element) {
        if (variable != null && path.size() == 1 && path.get(0).equals(variable)) {
            return element;
        }
        return valueOf(type, object, path);
    }

    /** The value at the path, or null when this object's type has no such property. */
    static <T> Object valueOf(EntityType<T> type, Object object, List<String> path) {
        Property<T> property = type.property(path.get(0));
        if (property != null && path.size() == 2) {
            property = property.child(path.get(1));
        }
        return property == null ? null : property.valueOf(type.cast(object));
    }

    private static boolean compare(Object value, String operator, Object literal) {
        if (literal == null) {
            boolean isNull = value == null || (value instanceof List<?> list && list.isEmpty());
            return operator.equals("ne") != isNull;
        }
        if (value == null) {
            return operator.equals("ne");
        }
        int order;
        if (value instanceof String text && literal instanceof String other) {
            order = text.compareToIgnoreCase(other);
        } else if (value instanceof Boolean bool && literal instanceof Boolean other) {
            order = bool.compareTo(other);
        } else if (value instanceof Instant instant && literal instanceof Instant other) {
            order = instant.compareTo(other);
        } else {
            order = String.valueOf(value).compareToIgnoreCase(String.valueOf(literal));
        }
        return switch (operator) {
            case "eq" -> order == 0;
            case "ne" -> order != 0;
            case "gt" -> order > 0;
            case "ge" -> order >= 0;
            case "lt" -> order < 0;
            default -> order <= 0;
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
