package org.tribune.platform.live;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How a live message travels between nodes: {@code {"accountId":…,"event":…,"data":…}} as JSON text. */
final class LiveWire {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LiveWire() {
    }

    private record Wire(long accountId, String event, Object data) {
    }

    static String encode(LiveMessage message) {
        return JSON.writeValueAsString(new Wire(message.accountId(), message.event(), message.data()));
    }

    /** The message; its data comes back as maps, lists, strings and numbers. */
    static LiveMessage decode(String payload) {
        JsonNode node = JSON.readTree(payload);
        return new LiveMessage(node.get("accountId").asLong(), node.get("event").asText(),
                JSON.convertValue(node.get("data"), Object.class));
    }
}
