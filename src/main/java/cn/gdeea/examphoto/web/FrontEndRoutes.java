package cn.gdeea.examphoto.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Where the two front ends live: the candidate H5 at {@code /candidate/} (also reached from
 * {@code /}, the address printed on notices) and the staff console at {@code /staff/}. Both route
 * inside the page (hash history), so the server only serves their index pages.
 */
@Configuration
class FrontEndRoutes implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/candidate/");
        registry.addRedirectViewController("/candidate", "/candidate/");
        registry.addRedirectViewController("/staff", "/staff/");
        registry.addViewController("/candidate/").setViewName("forward:/candidate/index.html");
        registry.addViewController("/staff/").setViewName("forward:/staff/index.html");
    }
}
