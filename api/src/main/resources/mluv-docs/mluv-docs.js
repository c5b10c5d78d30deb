// Swagger UI on the API's own OpenAPI document, every file served by the API (no CDN).
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi/mluv-api-1.yml",
    dom_id: "#swagger-ui",
    deepLinking: true,
    displayRequestDuration: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout"
  });
};
