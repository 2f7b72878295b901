using BudgetActors.Grains.Erp;
using BudgetActors.Grains.Tokens;
using Orleans.Configuration;

namespace BudgetActors.Silo.Hosting;

/// <summary>
/// Binds Orleans' and the workflow's options to configuration, one section per options class, so that every
/// setting the README lists can be given in appsettings.json, on the command line
/// (<c>--Messaging:ResponseTimeout=00:00:10</c>) or in the environment (<c>Messaging__ResponseTimeout</c>).
/// <c>Cluster</c> and <c>Membership</c> are bound by <see cref="SiloClustering"/>, <c>Notifications</c> where
/// the silo reads them, the <c>Erp:*</c> connector settings by the connectors.
/// </summary>
public static class SiloOptionsBinding
{
    public const string SiloSection = "Silo";
    public const string MessagingSection = "Messaging";
    public const string GrainCollectionSection = "GrainCollection";
    public const string RemindersSection = "Reminders";
    public const string ErpGatewaySection = "ErpGateway";
    public const string ApiTokensSection = "ApiTokens";

    public static ISiloBuilder BindSiloOptions(this ISiloBuilder silo, IConfiguration configuration)
    {
        Bind<SiloOptions>(silo, configuration, SiloSection);
        Bind<SiloMessagingOptions>(silo, configuration, MessagingSection);
        Bind<GrainCollectionOptions>(silo, configuration, GrainCollectionSection);
        Bind<ReminderOptions>(silo, configuration, RemindersSection);
        Bind<ErpGatewayOptions>(silo, configuration, ErpGatewaySection);
        Bind<ApiTokenOptions>(silo, configuration, ApiTokensSection);
        return silo;
    }

    // Validated on start even where no validator exists: a value that cannot be read then stops the silo at
    // start, naming its key, instead of failing the first grain that reads the options.
    private static void Bind<TOptions>(ISiloBuilder silo, IConfiguration configuration, string section)
        where TOptions : class =>
        silo.Services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
}
