package cn.gdeea.examphoto.web;

import java.time.Duration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * The front ends' built files under {@code /assets/}: every name carries a content hash, so a
 * browser may keep them for a year without asking again, and the build writes a brotli and a gzip
 * copy beside each one ({@code .br}, {@code .gz}) that is sent to browsers that accept it. The two
 * {@code index.html} pages and the API are not matched here and stay uncached (Spring Security's
 * {@code no-store}), so a new release is seen on the next visit.
 */
@Configuration
class StaticAssets implements WebMvcConfigurer {

    static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(IMMUTABLE)
                // No Last-Modified: with immutable names there is nothing to revalidate.
                .setUseLastModified(false)
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver())
                .addResolver(new PathResourceResolver());
    }

    /**
     * {@code Vary: Accept-Encoding} on the uncompressed answer too (Spring adds it only to the
     * compressed one), so that no shared cache hands a stored copy to a browser that cannot read it.
     */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
                return true;
            }
        }).addPathPatterns("/assets/**");
    }
}
