package de.amtsflow.efile;

import de.amtsflow.PostgresTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The e-file persistence contract on a real PostgreSQL (see README: 127.0.0.1:5432). Fails, never
 * skips, when the server is not there.
 */
@SpringBootTest
@ActiveProfiles({"dev", "test", "postgres"})
class EFileStorePostgresIT extends EFileStoreContract {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
