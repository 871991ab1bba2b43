package de.amtsflow.bench.vanilla;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Camunda 7 as its Spring Boot starter comes, with one process: the benchmark's baseline. */
@SpringBootApplication
public class VanillaApplication {

  public static void main(String[] args) {
    SpringApplication.run(VanillaApplication.class, args);
  }
}
