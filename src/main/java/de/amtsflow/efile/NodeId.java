package de.amtsflow.efile;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's name in the shared content folder ({@code amtsflow.node-id}, default host name and
 * port). It must stay the same across restarts of one node and differ between nodes that share the
 * folder: a restarted node cleans up only what it left behind itself.
 */
@Component
class NodeId {

  private final String value;

  NodeId(@Value("${amtsflow.node-id:}") String configured, @Value("${server.port:8080}") int port) {
    String name = configured.isBlank() ? hostName() + "-" + port : configured.strip();
    this.value = name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  String value() {
    return value;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "node";
    }
  }
}
