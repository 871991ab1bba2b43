package de.amtsflow.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The full names of users as Camunda's identity service holds them, for pages and letters that name
 * who did something. Read without the caller's authorizations: a clerk who may read a case may read
 * the names of the colleagues who worked on it, even when the engine grants them no READ on other
 * users (Tasklist's default).
 */
@Component
public class UserNames {

  private final IdentityService identity;
  private final EngineAsSystem engine;

  UserNames(IdentityService identity, EngineAsSystem engine) {
    this.identity = identity;
    this.engine = engine;
  }

  /** "Berta Bauamt" for {@code bauamt}; empty when the directory has no user or no name. */
  public Optional<String> fullName(String userId) {
    return Optional.ofNullable(fullNames(List.of(userId)).get(userId));
  }

  /** The full names of those of {@code userIds} the directory knows with a name. */
  public Map<String, String> fullNames(Collection<String> userIds) {
    String[] ids =
        userIds.stream()
            .filter(Objects::nonNull)
            .collect(Collectors.toCollection(LinkedHashSet::new))
            .toArray(String[]::new);
    if (ids.length == 0) {
      return Map.of();
    }
    List<User> users = engine.call(() -> identity.createUserQuery().userIdIn(ids).list());
    return users.stream()
        .filter(u -> !name(u).isEmpty())
        .collect(Collectors.toMap(User::getId, UserNames::name, (a, b) -> a));
  }

  private static String name(User user) {
    return ((user.getFirstName() == null ? "" : user.getFirstName())
            + " "
            + (user.getLastName() == null ? "" : user.getLastName()))
        .strip();
  }
}
