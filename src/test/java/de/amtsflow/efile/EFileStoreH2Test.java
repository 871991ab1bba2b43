package de.amtsflow.efile;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The e-file persistence contract on the embedded H2 database. A context of its own, with an engine
 * of its own name, closed after the class: otherwise, when the next class's context starts beside
 * it and this one is evicted afterwards, its engine 'default' leaves the platform's registry and
 * takes the next context's webapps with it ("Process engine with name default does not exist").
 */
@SpringBootTest(properties = "camunda.bpm.generate-unique-process-engine-name=true")
@ActiveProfiles({"dev", "test"})
@DirtiesContext
class EFileStoreH2Test extends EFileStoreContract {}
