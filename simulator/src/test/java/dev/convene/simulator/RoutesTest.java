package dev.convene.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutesTest {
    private final Routes<String> routes = new Routes<String>()
            .add("POST", "/v1/meetings", Operation.CREATE, "create")
            .add("GET", "/v1/meetings/{id}", Operation.GET, "get")
            .add("POST", "/v1/meetings/{id}/cancel", Operation.CANCEL, "cancel")
            .add("*", "/cgi-bin/gettoken", Operation.TOKEN, "token");

    @Test
    void methodAndTemplateFindTheEndpointAndItsRawParameters() {
        Routes.Match<String> get = routes.find("GET", "/v1/meetings/12%2F3").orElseThrow();
        assertThat(get.handler()).isEqualTo("get");
        assertThat(get.operation()).isEqualTo(Operation.GET);
        assertThat(get.param("id")).isEqualTo("12%2F3");
        assertThat(routes.find("POST", "/v1/meetings/9/cancel").orElseThrow().param("id")).isEqualTo("9");
        assertThat(routes.find("PUT", "/cgi-bin/gettoken").orElseThrow().operation()).isEqualTo(Operation.TOKEN);
    }

    @Test
    void aParameterNeverMatchesAnEmptySegmentAndLengthsMustAgree() {
        assertThat(routes.find("GET", "/v1/meetings/")).isEmpty();
        assertThat(routes.find("GET", "/v1/meetings/1/")).isEmpty();
        assertThat(routes.find("GET", "/v1/meetings/1/cancel")).isEmpty();
        assertThat(routes.classify("GET", "/nothing")).isEqualTo(Operation.OTHER);
    }

    @Test
    void aKnownPathWithAnotherMethodIsKnownButNotFound() {
        assertThat(routes.find("DELETE", "/v1/meetings/1")).isEmpty();
        assertThat(routes.knows("/v1/meetings/1")).isTrue();
        assertThat(routes.knows("/v1/webinars/1")).isFalse();
    }
}
