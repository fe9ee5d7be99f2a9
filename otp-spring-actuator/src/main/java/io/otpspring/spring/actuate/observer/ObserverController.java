package io.otpspring.spring.actuate.observer;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Serves the observer page (three static files in this jar, no CDN) at {@code /otp/observer/},
 * and {@code config.json}, which tells the page where the {@code otp} endpoint is.
 */
@Controller
public class ObserverController {

    /** Where the page is served. */
    public static final String PATH = "/otp/observer";

    private static final Map<String, MediaType> ASSETS = Map.of(
            "index.html", MediaType.TEXT_HTML,
            "observer.js", MediaType.parseMediaType("text/javascript"),
            "observer.css", MediaType.parseMediaType("text/css"));

    private final Supplier<String> endpointPath;

    /**
     * {@code endpointPath}: the {@code otp} endpoint's path within the application,
     * {@code /actuator/otp} unless its base path or path mapping say otherwise.
     */
    public ObserverController(Supplier<String> endpointPath) {
        this.endpointPath = endpointPath;
    }

    /** Where the page finds the endpoint. */
    public record ObserverConfig(String endpoint) {
    }

    @GetMapping(PATH)
    ResponseEntity<Void> redirect(HttpServletRequest request) {
        return ResponseEntity.status(302).header(HttpHeaders.LOCATION, request.getContextPath() + PATH + "/").build();
    }

    @GetMapping(PATH + "/")
    ResponseEntity<Resource> index() {
        return asset("index.html");
    }

    @GetMapping(PATH + "/config.json")
    @ResponseBody
    ObserverConfig config(HttpServletRequest request) {
        return new ObserverConfig(request.getContextPath() + endpointPath.get());
    }

    @GetMapping(PATH + "/{name}")
    ResponseEntity<Resource> asset(@PathVariable String name) {
        MediaType type = ASSETS.get(name);
        if (type == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .body(new ClassPathResource("otp-observer/" + name));
    }
}
