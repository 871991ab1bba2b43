package de.amtsflow;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL the {@code *IT} tests run against: {@code amtsflow.it.db-url} (default {@code
 * jdbc:postgresql://127.0.0.1:5432/amtsflow_test}, user postgres, trust auth as on the CI machine).
 * Unreachable means failed, not skipped.
 */
public final class PostgresTestDatabase {

  public static final String URL =
      System.getProperty("amtsflow.it.db-url", "jdbc:postgresql://127.0.0.1:5432/amtsflow_test");
  public static final String USER = System.getProperty("amtsflow.it.db-user", "postgres");
  public static final String PASSWORD = System.getProperty("amtsflow.it.db-password", "");

  private PostgresTestDatabase() {}

  public static void register(DynamicPropertyRegistry registry) {
    requireReachable();
    registry.add("spring.datasource.url", () -> URL);
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> PASSWORD);
  }

  private static void requireReachable() {
    try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
      // reachable
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL integration tests need "
              + URL
              + " (user "
              + USER
              + "). Start PostgreSQL and create the database (see README), or set"
              + " -Damtsflow.it.db-url=...",
          e);
    }
  }
}
