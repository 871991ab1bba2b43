package de.amtsflow.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Swagger UI describes our API with its HTTP Basic login, so "Try it out" works. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

  @Bean
  OpenAPI amtsflowOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("amtsflow API")
                .description(
                    "E-files (eAkte), building permits and e-invoices. Errors are RFC 9457"
                        + " problem+json. Logins are the Camunda users.")
                .version("v1"))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
