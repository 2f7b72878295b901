namespace BudgetActors.Silo.Hosting;

/// <summary>
/// <c>GET /healthz</c> on the silo's web port: 200 "serving" while the silo is an active member of its
/// cluster, 503 otherwise. For container health checks and load balancers; needs no token.
/// </summary>
public static class HealthEndpoint
{
    public const string Path = "/healthz";

    public static IEndpointRouteBuilder MapSiloHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (ISiloStatusOracle silo) => silo.CurrentStatus == SiloStatus.Active
                ? Results.Text("serving")
                : Results.Text("not serving", statusCode: StatusCodes.Status503ServiceUnavailable))
            .ExcludeFromDescription();
        return app;
    }
}
