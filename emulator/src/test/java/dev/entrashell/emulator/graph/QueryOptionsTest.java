package dev.entrashell.emulator.graph;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.entrashell.emulator.graph.error.GraphException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryOptionsTest {

    @Test
    void decodesAndNormalisesSystemOptionNames() throws Exception {
        QueryOptions options = QueryOptions.parse(
                "%24top=5&Select=id%2CdisplayName&$filter=startswith(displayName%2C%27A%27)&x=1&x=2");

        assertThat(options.get("top")).hasValue("5");
        assertThat(options.get("select")).hasValue("id,displayName");
        assertThat(options.get("filter")).hasValue("startswith(displayName,'A')");
        assertThat(options.custom()).containsEntry("x", List.of("1", "2"));
    }

    @Test
    void refusesRepeatedAndUnknownDollarOptions() {
        assertThatThrownBy(() -> QueryOptions.parse("$top=1&top=2"))
                .hasMessage("Query option 'Top' was specified more than once, but it must be specified at most once.");
        assertThatThrownBy(() -> QueryOptions.parse("$nope=1"))
                .hasMessage("The query parameter '$nope' is not supported.");
        assertThatThrownBy(() -> QueryOptions.parse("$top=%zz")).isInstanceOf(GraphException.class);
    }

    @Test
    void validatesThePageSize() throws Exception {
        assertThat(QueryOptions.none().pageSize(100, 999)).isEqualTo(100);
        assertThat(QueryOptions.parse("$top=999").pageSize(100, 999)).isEqualTo(999);
        assertThatThrownBy(() -> QueryOptions.parse("$top=1000").pageSize(100, 999))
                .hasMessage("Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.");
    }
}
