using BudgetActors.Grains;
using BudgetActors.Grains.Notifications;
using BudgetActors.Runtime;
using BudgetActors.Silo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The embedded default: one silo, state and reminders in memory, nothing else to install.
// `--postgres "<connection string>"` (or BUDGETACTORS_POSTGRES) keeps them, and the notification outbox, in PostgreSQL.
var builder = Host.CreateApplicationBuilder(args);
var postgres = builder.Configuration["postgres"] ?? Environment.GetEnvironmentVariable("BUDGETACTORS_POSTGRES");
builder.Services.Configure<NotificationOptions>(builder.Configuration.GetSection("Notifications"));

builder.UseBudgetActorsSilo(silo =>
{
    // ERP companies from configuration (Erp:Spectrum:Companies:*, Erp:Vista:Companies:*); with none, an embedded ERP simulator.
    silo.UseLocalhostClustering()
        .AddBudgetWorkflow()
        .AddErpConnectors(builder.Configuration);
    if (string.IsNullOrWhiteSpace(postgres))
    {
        silo.AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorage).UseInMemoryReminders();
    }
    else
    {
        silo.AddPostgresGrainStorage(PersistentStateAttribute.DefaultStorage, o => o.ConnectionString = postgres)
            .UsePostgresReminders(o => o.ConnectionString = postgres)
            .UsePostgresNotificationOutbox(o => o.ConnectionString = postgres);
    }
});

var app = builder.Build();
await app.StartAsync();
Console.WriteLine(string.IsNullOrWhiteSpace(postgres)
    ? "BudgetActors silo running with in-memory storage and reminders (nothing is kept after it stops). Ctrl+C stops it."
    : "BudgetActors silo running with PostgreSQL storage and reminders. Ctrl+C stops it.");
await app.WaitForShutdownAsync();
