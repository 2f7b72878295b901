namespace BudgetActors.Silo.Hosting;

/// <summary>
/// <c>GET /healthz</c> on the silo's web port: 200 "serving" while the silo takes calls, 503 otherwise.
/// The cluster endpoint's <c>/health</c> speaks HTTP/2 only, which container health checks and load
/// balancers often cannot; this one answers plain HTTP/1.1 and needs no token.
/// </summary>
public static class HealthEndpoint
{
    public const string Path = "/healthz";

    public static IEndpointRouteBuilder MapSiloHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (LocalSiloDetails silo) => silo.IsServing
                ? Results.Text("serving")
                : Results.Text("not serving", statusCode: StatusCodes.Status503ServiceUnavailable))
            .ExcludeFromDescription();
        return app;
    }
}
