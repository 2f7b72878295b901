using Microsoft.Extensions.DependencyInjection;

namespace BudgetActors.Runtime;

/// <summary>
/// Checks at silo start what would otherwise fail at a grain's first call: every grain method's argument
/// and result types have a System.Text.Json contract, every persistent state names configured storage,
/// every remindable grain has a reminder table. All problems are reported together, each naming its place.
/// </summary>
internal static class SiloConfigurationCheck
{
    public static void Run(IServiceProvider services, GrainClassRegistry classes, GrainJsonOptions json, ReminderRegistry reminders)
    {
        var problems = new List<string>();
        foreach (var grainClass in classes.All)
        {
            foreach (var method in grainClass.GrainInterface.Methods)
            {
                foreach (var type in method.ParameterTypes.Append(method.ResultType).Where(t => t != typeof(VoidResult)))
                {
                    if (json.TryGetTypeInfo(type) is null)
                    {
                        problems.Add($"{method.FullName} uses {type}, which no registered JsonSerializerContext knows (add [JsonSerializable(typeof({type.Name}))] and silo.AddJsonSerializerContext).");
                    }
                }
            }

            foreach (var state in grainClass.StateStorages)
            {
                if (services.GetKeyedService<IGrainStorage>(state.StorageName) is null)
                {
                    problems.Add($"{grainClass.GrainClass.Name} keeps state '{state.StateName}' in storage '{state.StorageName}', which is not configured (silo.AddMemoryGrainStorage or AddPostgresGrainStorage).");
                }
            }

            if (typeof(IRemindable).IsAssignableFrom(grainClass.GrainClass) && !reminders.IsConfigured)
            {
                problems.Add($"{grainClass.GrainClass.Name} implements IRemindable but no reminder service is configured (silo.UseInMemoryReminders or UsePostgresReminders).");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The silo cannot start:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Distinct().Select(p => " - " + p)));
        }
    }
}
