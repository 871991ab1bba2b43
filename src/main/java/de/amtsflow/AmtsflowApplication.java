package de.amtsflow;

import de.amtsflow.config.JaxpFactories;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** amtsflow: digital building permits and e-invoice approval on an embedded Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AmtsflowApplication {

  public static void main(String[] args) {
    JaxpFactories.pin();
    SpringApplication.run(AmtsflowApplication.class, args);
  }
}
