package cn.gdeea.examphoto.web;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Multipart limits per endpoint, enforced by the servlet container while it parses the body, so
 * that they hold for chunked bodies whose length nobody declared: the container's multipart
 * limits belong to a servlet, so the bulk paths (roster import, {@code max-bulk-request}) are
 * served by a second dispatcher over the same application context, and everything else (the
 * photo endpoints) by the main one, bounded by {@code max-request}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class MultipartLimits {

    /** The main dispatcher's multipart bound (Spring Boot registers it with the dispatcher). */
    @Bean
    MultipartConfigElement multipartConfigElement(UploadLimitFilter.Settings settings) {
        long max = settings.maxRequest().toBytes();
        return new MultipartConfigElement("", max, max, 0);
    }

    @Bean
    ServletRegistrationBean<DispatcherServlet> bulkUploadDispatcher(WebApplicationContext context,
                                                                   UploadLimitFilter.Settings settings) {
        ServletRegistrationBean<DispatcherServlet> registration = new ServletRegistrationBean<>(
                new DispatcherServlet(context), settings.bulkPaths().toArray(String[]::new));
        registration.setName("bulkUploadDispatcher");
        long max = settings.maxBulkRequest().toBytes();
        registration.setMultipartConfig(new MultipartConfigElement("", max, max, 0));
        registration.setLoadOnStartup(1);
        return registration;
    }
}
