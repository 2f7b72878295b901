using System.Net;
using BudgetActors.Erp;
using BudgetActors.Grains.Erp;
using BudgetActors.Grains.Notifications;
using BudgetActors.Grains.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
                "--Silo:ServiceId=from-args", "--Silo:SiloName=silo-a",
                "--Messaging:ResponseTimeout=00:00:07", "--Messaging:TimeoutCheckInterval=00:00:02",
                "--GrainCollection:CollectionAge=00:03:00", "--GrainCollection:CollectionQuantum=00:00:20", "--GrainCollection:DeactivationTimeout=00:00:09",
                "--Reminders:MinimumReminderPeriod=00:00:30", "--Reminders:PollInterval=00:00:03", "--Reminders:LeaseDuration=00:02:00",
                "--Reminders:RetryDelay=00:00:11", "--Reminders:ClaimBatchSize=42",
                "--ErpGateway:RetryAttempts=6", "--ErpGateway:RetryBaseDelay=00:00:00.5", "--ErpGateway:BreakFailureRatio=0.75",
                "--ErpGateway:BreakMinimumCalls=8", "--ErpGateway:BreakSamplingWindow=00:02:00", "--ErpGateway:BreakDuration=00:00:45",
                "--ErpGateway:RetryLaterDelay=00:00:15",
                "--ApiTokens:CacheDuration=00:00:02",
                "--Cluster:ListenAddress=0.0.0.0", "--Cluster:AdvertisedHost=silo1", "--Cluster:HeartbeatInterval=00:00:02",
                "--Cluster:DeathTimeout=00:00:12", "--Cluster:MaxForwardHops=3",
                "--Notifications:From=budgets@acme.test", "--Notifications:SmtpPort=2525",
            ],
            new InMemoryErp(ErpSystem.Spectrum));

        var services = app.Services;
        Assert.Equal(("from-args", "silo-a"), (Options<SiloOptions>(services).ServiceId, Options<SiloOptions>(services).SiloName));
        var messaging = Options<MessagingOptions>(services);
        Assert.Equal((TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(2)), (messaging.ResponseTimeout, messaging.TimeoutCheckInterval));
        var collection = Options<GrainCollectionOptions>(services);
        Assert.Equal(
            (TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(9)),
            (collection.CollectionAge, collection.CollectionQuantum, collection.DeactivationTimeout));
        var reminders = Options<ReminderOptions>(services);
        Assert.Equal(
            (TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(11), 42),
            (reminders.MinimumReminderPeriod, reminders.PollInterval, reminders.LeaseDuration, reminders.RetryDelay, reminders.ClaimBatchSize));
        var gateway = Options<ErpGatewayOptions>(services);
        Assert.Equal(
            (6, TimeSpan.FromMilliseconds(500), 0.75, 8, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(15)),
            (gateway.RetryAttempts, gateway.RetryBaseDelay, gateway.BreakFailureRatio, gateway.BreakMinimumCalls, gateway.BreakSamplingWindow, gateway.BreakDuration, gateway.RetryLaterDelay));
        Assert.Equal(TimeSpan.FromSeconds(2), Options<ApiTokenOptions>(services).CacheDuration);
        var cluster = Options<ClusterOptions>(services);
        Assert.Equal(
            ("0.0.0.0", "silo1", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(12), 3),
            (cluster.ListenAddress, cluster.AdvertisedHost, cluster.HeartbeatInterval, cluster.DeathTimeout, cluster.MaxForwardHops));
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
            ["Silo__ServiceId"] = "from-env",
            ["Messaging__ResponseTimeout"] = "00:00:08",
            ["GrainCollection__CollectionAge"] = "00:04:00",
            ["Reminders__PollInterval"] = "00:00:04",
            ["ErpGateway__RetryAttempts"] = "5",
            ["ApiTokens__CacheDuration"] = "00:00:00",
            ["Cluster__AdvertisedHost"] = "silo2",
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
            Assert.Equal("from-env", Options<SiloOptions>(services).ServiceId);
            Assert.Equal(TimeSpan.FromSeconds(8), Options<MessagingOptions>(services).ResponseTimeout);
            Assert.Equal(TimeSpan.FromMinutes(4), Options<GrainCollectionOptions>(services).CollectionAge);
            Assert.Equal(TimeSpan.FromSeconds(4), Options<ReminderOptions>(services).PollInterval);
            Assert.Equal(5, Options<ErpGatewayOptions>(services).RetryAttempts);
            Assert.Equal(TimeSpan.Zero, Options<ApiTokenOptions>(services).CacheDuration);
            Assert.Equal("silo2", Options<ClusterOptions>(services).AdvertisedHost);
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

        Assert.Equal("api-tests", Options<SiloOptions>(app.Services).ServiceId); // the host's own choice stands
        Assert.Equal(TimeSpan.FromSeconds(30), Options<MessagingOptions>(app.Services).ResponseTimeout);
        Assert.Equal(TimeSpan.FromMinutes(15), Options<GrainCollectionOptions>(app.Services).CollectionAge);
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

        Assert.False(app.Services.GetRequiredService<LocalSiloDetails>().IsServing);
    }

    private static T Options<T>(IServiceProvider services)
        where T : class => services.GetRequiredService<IOptions<T>>().Value;
}
