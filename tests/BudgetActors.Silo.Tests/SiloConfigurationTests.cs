using System.Net;
using BudgetActors.Erp;
using BudgetActors.Grains.Erp;
using BudgetActors.Grains.Notifications;
using BudgetActors.Grains.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace BudgetActors.Silo.Tests;

/// <summary>
/// Every options class the README's configuration reference lists is bound from configuration, in both
/// forms it documents: command-line arguments (<c>--Section:Key=value</c>) and environment variables
/// (<c>Section__Key</c>). And the plain-HTTP health check the container health checks use.
/// </summary>
public sealed class SiloConfigurationTests
{
    [Fact]
    public async Task Settings_given_on_the_command_line_reach_the_options()
    {
        await using var app = ApiSilo.Build(
            [
                "--Cluster:ClusterId=blue", "--Cluster:ServiceId=from-args", "--Cluster:SiloPort=21111", "--Cluster:GatewayPort=40000",
                "--Membership:ProbeTimeout=00:00:02", "--Membership:NumMissedProbesLimit=3",
                "--Messaging:ResponseTimeout=00:00:07",
                "--GrainCollection:CollectionAge=00:03:00", "--GrainCollection:CollectionQuantum=00:00:20", "--GrainCollection:DeactivationTimeout=00:00:09",
                "--Reminders:MinimumReminderPeriod=00:00:30",
                "--ErpGateway:RetryAttempts=6", "--ErpGateway:RetryBaseDelay=00:00:00.5", "--ErpGateway:BreakFailureRatio=0.75",
                "--ErpGateway:BreakMinimumCalls=8", "--ErpGateway:BreakSamplingWindow=00:02:00", "--ErpGateway:BreakDuration=00:00:45",
                "--ErpGateway:RetryLaterDelay=00:00:15",
                "--ApiTokens:CacheDuration=00:00:02",
                "--Notifications:From=budgets@acme.test", "--Notifications:SmtpPort=2525",
            ],
            new InMemoryErp(ErpSystem.Spectrum));

        var services = app.Services;
        Assert.Equal(("blue", "from-args"), (Options<ClusterOptions>(services).ClusterId, Options<ClusterOptions>(services).ServiceId));
        Assert.Equal((21111, 40000), (Options<EndpointOptions>(services).SiloPort, Options<EndpointOptions>(services).GatewayPort));
        Assert.Equal((TimeSpan.FromSeconds(2), 3), (Options<ClusterMembershipOptions>(services).ProbeTimeout, Options<ClusterMembershipOptions>(services).NumMissedProbesLimit));
        Assert.Equal(TimeSpan.FromSeconds(7), Options<SiloMessagingOptions>(services).ResponseTimeout);
        var collection = Options<GrainCollectionOptions>(services);
        Assert.Equal(
            (TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(9)),
            (collection.CollectionAge, collection.CollectionQuantum, collection.DeactivationTimeout));
        Assert.Equal(TimeSpan.FromSeconds(30), Options<ReminderOptions>(services).MinimumReminderPeriod);
        var gateway = Options<ErpGatewayOptions>(services);
        Assert.Equal(
            (6, TimeSpan.FromMilliseconds(500), 0.75, 8, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(15)),
            (gateway.RetryAttempts, gateway.RetryBaseDelay, gateway.BreakFailureRatio, gateway.BreakMinimumCalls, gateway.BreakSamplingWindow, gateway.BreakDuration, gateway.RetryLaterDelay));
        Assert.Equal(TimeSpan.FromSeconds(2), Options<ApiTokenOptions>(services).CacheDuration);
        Assert.Equal(("budgets@acme.test", 2525), (Options<NotificationOptions>(services).From, Options<NotificationOptions>(services).SmtpPort));
    }

    [Fact]
    public async Task Settings_given_as_environment_variables_reach_the_options()
    {
        // The silo reads every environment variable; a prefix unique to this test keeps its variables away
        // from the silos other tests build at the same time, and the provider strips it before mapping
        // "__" to ":", exactly as it does for the unprefixed variables of a deployment.
        var prefix = $"BA_TEST_{Guid.NewGuid():N}_";
        var variables = new Dictionary<string, string>
        {
            ["Cluster__ServiceId"] = "from-env",
            ["Membership__TableRefreshTimeout"] = "00:00:03",
            ["Messaging__ResponseTimeout"] = "00:00:08",
            ["GrainCollection__CollectionAge"] = "00:04:00",
            ["Reminders__MinimumReminderPeriod"] = "00:00:04",
            ["ErpGateway__RetryAttempts"] = "5",
            ["ApiTokens__CacheDuration"] = "00:00:00",
            ["Notifications__SmtpHost"] = "smtp.acme.test",
        };
        foreach (var (key, value) in variables)
        {
            Environment.SetEnvironmentVariable(prefix + key, value);
        }

        try
        {
            await using var app = ApiSilo.Build([], new InMemoryErp(ErpSystem.Spectrum), b => b.Configuration.AddEnvironmentVariables(prefix));

            var services = app.Services;
            Assert.Equal("from-env", Options<ClusterOptions>(services).ServiceId);
            Assert.Equal(TimeSpan.FromSeconds(3), Options<ClusterMembershipOptions>(services).TableRefreshTimeout);
            Assert.Equal(TimeSpan.FromSeconds(8), Options<SiloMessagingOptions>(services).ResponseTimeout);
            Assert.Equal(TimeSpan.FromMinutes(4), Options<GrainCollectionOptions>(services).CollectionAge);
            Assert.Equal(TimeSpan.FromSeconds(4), Options<ReminderOptions>(services).MinimumReminderPeriod);
            Assert.Equal(5, Options<ErpGatewayOptions>(services).RetryAttempts);
            Assert.Equal(TimeSpan.Zero, Options<ApiTokenOptions>(services).CacheDuration);
            Assert.Equal("smtp.acme.test", Options<NotificationOptions>(services).SmtpHost);
        }
        finally
        {
            foreach (var key in variables.Keys)
            {
                Environment.SetEnvironmentVariable(prefix + key, null);
            }
        }
    }

    [Fact]
    public async Task Without_settings_the_options_keep_their_documented_defaults()
    {
        await using var app = ApiSilo.Build([], new InMemoryErp(ErpSystem.Spectrum));

        Assert.Equal("budgetactors", Options<ClusterOptions>(app.Services).ServiceId);
        Assert.Equal((11111, 30000), (Options<EndpointOptions>(app.Services).SiloPort, Options<EndpointOptions>(app.Services).GatewayPort));
        var membership = Options<ClusterMembershipOptions>(app.Services);
        Assert.Equal(
            (TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)),
            (membership.ProbeTimeout, membership.NumMissedProbesLimit, membership.TableRefreshTimeout, membership.IAmAliveTablePublishTimeout));
        Assert.Equal(TimeSpan.FromSeconds(30), Options<SiloMessagingOptions>(app.Services).ResponseTimeout);
        Assert.Equal(3, Options<ErpGatewayOptions>(app.Services).RetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(5), Options<ApiTokenOptions>(app.Services).CacheDuration);
    }

    [Fact]
    public async Task A_value_that_cannot_be_read_stops_the_silo_at_start_naming_its_key()
    {
        await using var app = ApiSilo.Build(["--urls", "http://127.0.0.1:0", "--ErpGateway:RetryAttempts=lots"], new InMemoryErp(ErpSystem.Spectrum));

        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("ErpGateway:RetryAttempts", error.Message);
    }

    [Fact]
    public async Task Healthz_answers_plain_http_with_200_while_the_silo_serves()
    {
        await using var silo = await ApiSilo.StartAsync(setUpCompany: false);
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version11, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await http.GetAsync(new Uri(silo.Http.BaseAddress!, "healthz"), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, "serving"), (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(HttpVersion.Version11, response.Version);
    }

    [Fact]
    public async Task A_silo_that_has_not_started_is_not_serving()
    {
        await using var app = ApiSilo.Build([], new InMemoryErp(ErpSystem.Spectrum));

        Assert.NotEqual(SiloStatus.Active, app.Services.GetRequiredService<ISiloStatusOracle>().CurrentStatus);
    }

    private static T Options<T>(IServiceProvider services)
        where T : class => services.GetRequiredService<IOptions<T>>().Value;
}
