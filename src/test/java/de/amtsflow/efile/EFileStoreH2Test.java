package de.amtsflow.efile;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The e-file persistence contract on the embedded H2 database. */
@SpringBootTest
@ActiveProfiles({"dev", "test"})
class EFileStoreH2Test extends EFileStoreContract {}
