package cn.gdeea.examphoto.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI examPhotoApi() {
        return new OpenAPI()
                .info(new Info().title("考生照片采集与人证核验 API — exam photo collection and identity verification")
                        .version("1")
                        .description("""
                                Candidates (考生) log in with `POST /api/candidate/session`, staff with \
                                `POST /api/staff/session`; both return a bearer token for the \
                                `Authorization: Bearer <token>` header. Every error has one shape: \
                                `{status, code, message (zh-CN), messageEn, details}`."""))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
