using BudgetActors.Erp;
using BudgetActors.Grains;
using BudgetActors.Grains.Security;
using BudgetActors.Silo.Api;
using BudgetActors.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BudgetActors.Silo.Tests;

/// <summary>
/// The silo web app composed as <c>silo/Program.cs</c> composes it, in this process, serving real HTTP on a
/// free loopback port; only its ERPs are the tests' own in-memory ones. Company "acme" (Spectrum company
/// 001) has the directory of <see cref="People"/> and project tower-7 linked to synced job 24-001.
/// </summary>
public sealed class ApiSilo : IAsyncDisposable
{
    public const string Company = "acme";
    public const string Project = "tower-7";
    public const string Job = "24-001";

    private readonly string _mailFolder;

    private ApiSilo(WebApplication app, InMemoryErp spectrum, string mailFolder)
    {
        App = app;
        Spectrum = spectrum;
        _mailFolder = mailFolder;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First() + "/") };
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public InMemoryErp Spectrum { get; }

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Acts as the silo's own code does: as a given identity, without a token.</summary>
    public IDisposable ActAs(string company, string userId) => App.Services.GetRequiredService<SiloCallers>().ActAs(new CallerIdentity(company, userId));

    /// <summary>Starts a silo (state and tokens in PostgreSQL when <paramref name="postgres"/> is given) and, unless told not to, sets acme up.</summary>
    public static async Task<ApiSilo> StartAsync(string? postgres = null, bool setUpCompany = true)
    {
        var mailFolder = Directory.CreateTempSubdirectory("budgetactors-api-mail-").FullName;
        var spectrum = new InMemoryErp(ErpSystem.Spectrum);
        var app = Build(Arguments(mailFolder, postgres), spectrum);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var silo = new ApiSilo(app, spectrum, mailFolder);
        if (setUpCompany)
        {
            await silo.SetUpCompanyAsync(Company);
            spectrum.Company("001").WithCostCodes("03-300", "05-100", "09-900").WithJob(Job, "Tower 7");
        }

        return silo;
    }

    /// <summary>Runs the silo's command line (e.g. <c>token issue ...</c>) the way <c>Program.cs</c> does, against <paramref name="postgres"/>.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunCommandAsync(string postgres, params string[] command)
    {
        var mailFolder = Directory.CreateTempSubdirectory("budgetactors-api-mail-").FullName;
        try
        {
            await using var app = Build([.. command, .. Arguments(mailFolder, postgres)], new InMemoryErp(ErpSystem.Spectrum));
            using var output = new StringWriter();
            using var errors = new StringWriter();
            var exitCode = await app.RunSiloAsync(output, errors);
            return (exitCode, output.ToString(), errors.ToString());
        }
        finally
        {
            Directory.Delete(mailFolder, recursive: true);
        }
    }

    /// <summary>Calls as the holder of <paramref name="token"/> (null: no Authorization header).</summary>
    public ApiClient As(string? token) => new(Http, token);

    /// <summary>A token for <paramref name="userId"/>, issued through the company grain as the silo itself.</summary>
    public async Task<string> TokenForAsync(string userId, string company = Company)
    {
        using (ActAs(company, "system:setup"))
        {
            return (await Grains.GetGrain<ICompanyGrain>(company).IssueTokenAsync(userId, "test token")).Token;
        }
    }

    /// <summary>The budget as the grain holds it, read as the silo itself (not through the API under test).</summary>
    public async Task<BudgetView?> BudgetAsync(string project = Project, string company = Company)
    {
        using (ActAs(company, "admin"))
        {
            try
            {
                return await Grains.GetGrain<IBudgetGrain>(BudgetKey.Of(company, project)).GetAsync();
            }
            catch (WorkflowException e) when (e.Code == WorkflowErrorCode.NotFound)
            {
                return null;
            }
        }
    }

    public async Task SetUpCompanyAsync(string company)
    {
        using (ActAs(company, "system:setup"))
        {
            var grain = Grains.GetGrain<ICompanyGrain>(company);
            await grain.ConfigureAsync(new CompanySettings(ErpSystem.Spectrum, "001", "America/Chicago", new TimeOnly(7, 0)));
            foreach (var user in People.All)
            {
                await grain.SaveUserAsync(user);
            }

            await grain.LinkProjectAsync(new ProjectLink(Project, Job, JobSynced: true));
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        Directory.Delete(_mailFolder, recursive: true);
    }

    private static string[] Arguments(string mailFolder, string? postgres) =>
        ["--urls", "http://127.0.0.1:0", "--Notifications:PickupFolder", mailFolder,
            $"--Cluster:SiloPort={FreePort()}", $"--Cluster:GatewayPort={FreePort()}", $"--Cluster:ClusterId=api-tests-{Guid.NewGuid():N}",
            .. postgres is null ? Array.Empty<string>() : ["--postgres", postgres]];

    private static int FreePort() => BudgetActors.Testing.SiloProcess.FreePort();

    /// <summary>Program.cs, line for line, with the tests' ERP; <paramref name="configure"/> may add configuration sources.</summary>
    internal static WebApplication Build(string[] args, InMemoryErp spectrum, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var settings = builder.AddSiloSettings(args);
        builder.UseOrleans(silo => silo
            .UseSiloClustering(settings, builder.Configuration)
            .AddBudgetWorkflow()
            .AddErpConnector(spectrum)
            .AddErpConnector(new InMemoryErp(ErpSystem.Vista))
            .UseSiloStorage(settings)
            .BindSiloOptions(builder.Configuration));
        builder.Services.AddBudgetActorsApi();
        builder.AddSiloDashboard();
        var app = builder.Build();
        app.UseBudgetActorsApi();
        app.MapSiloHealth();
        app.MapSiloDashboard();
        return app;
    }
}
