package cz.mluv.api.docs;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browsable API documentation at {@code /docs}: Swagger UI on the API's own OpenAPI document
 * ({@code /openapi/mluv-api-1.yml}), every file served by the API itself: the page and its
 * start-up script from {@code mluv-docs/} on the classpath, Swagger UI's files from the
 * {@code org.webjars:swagger-ui} jar (no CDN, works offline). Only the files named here are
 * served (no path from the request reaches the class loader).
 */
@Controller("/docs")
@Hidden
public class DocsController {

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, MediaType> UI_FILES = Map.of(
            "swagger-ui.css", MediaType.of("text/css"),
            "swagger-ui-bundle.js", MediaType.of("text/javascript"),
            "swagger-ui-standalone-preset.js", MediaType.of("text/javascript"));

    private final String webjarRoot = WEBJAR + webjarVersion() + "/";
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    /** @return the Swagger UI page (also at {@code /docs/}) */
    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<byte[]> page() {
        return file("mluv-docs/index.html", MediaType.TEXT_HTML_TYPE);
    }

    /** @return the script that starts Swagger UI on the API's document */
    @Get(value = "/mluv-docs.js", produces = "text/javascript")
    public HttpResponse<byte[]> script() {
        return file("mluv-docs/mluv-docs.js", MediaType.of("text/javascript"));
    }

    /**
     * @param name a file of Swagger UI
     * @return the file from the webjar; 404 for any name not in the list
     */
    @Get("/ui/{name}")
    public HttpResponse<byte[]> ui(@PathVariable String name) {
        MediaType type = UI_FILES.get(name);
        return type == null ? HttpResponse.notFound() : file(webjarRoot + name, type);
    }

    private HttpResponse<byte[]> file(String resource, MediaType type) {
        byte[] bytes = files.computeIfAbsent(resource, DocsController::read);
        return bytes.length == 0 ? HttpResponse.notFound()
                : HttpResponse.ok(bytes).contentType(type).header("Cache-Control", "max-age=3600");
    }

    /** @return the resource's bytes, read once; empty when missing */
    private static byte[] read(String resource) {
        try (InputStream in = DocsController.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    private static String webjarVersion() {
        Properties p = new Properties();
        try (InputStream in = DocsController.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("org.webjars:swagger-ui is not on the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }
}
