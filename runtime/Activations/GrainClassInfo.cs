using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetActors.Runtime;

/// <summary>
/// A grain class as the runtime uses it: which grain type it serves, whether it is reentrant, and a
/// factory compiled once that builds an instance with its services and persistent states.
/// </summary>
internal sealed class GrainClassInfo
{
    private static readonly MethodInfo s_createState =
        typeof(GrainClassInfo).GetMethod(nameof(CreateStateFactory), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Func<object?[], object> _construct;
    private readonly Func<IServiceProvider, GrainActivation, object?>[] _arguments;

    public GrainClassInfo(Type grainClass, GrainInterfaceInfo grainInterface)
    {
        GrainClass = grainClass;
        GrainInterface = grainInterface;
        IsReentrant = grainClass.IsDefined(typeof(ReentrantAttribute), inherit: true);

        var constructor = grainClass.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"Grain class {grainClass} has no public constructor.");
        var parameters = constructor.GetParameters();
        _arguments = [.. parameters.Select(ResolveParameter)];
        StateStorages = [.. parameters.Select(p => p.GetCustomAttribute<PersistentStateAttribute>()).OfType<PersistentStateAttribute>()];

        var args = Expression.Parameter(typeof(object?[]), "args");
        var construct = Expression.New(constructor, parameters.Select((p, i) =>
            Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType)));
        _construct = Expression.Lambda<Func<object?[], object>>(construct, args).Compile();
    }

    public Type GrainClass { get; }

    public GrainInterfaceInfo GrainInterface { get; }

    public string GrainType => GrainInterface.GrainType;

    public bool IsReentrant { get; }

    /// <summary>The persistent states the constructor asks for (checked against configured storage at start).</summary>
    public IReadOnlyList<PersistentStateAttribute> StateStorages { get; }

    /// <summary>Builds the grain; must run while <see cref="GrainActivation.Constructing"/> is this activation.</summary>
    public object Create(IServiceProvider services)
    {
        var activation = GrainActivation.Constructing!;
        var values = new object?[_arguments.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _arguments[i](services, activation);
        }

        return _construct(values);
    }

    private Func<IServiceProvider, GrainActivation, object?> ResolveParameter(ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<PersistentStateAttribute>() is not { } persistent)
        {
            var type = parameter.ParameterType;
            return (services, _) => services.GetRequiredService(type);
        }

        if (!parameter.ParameterType.IsGenericType || parameter.ParameterType.GetGenericTypeDefinition() != typeof(IPersistentState<>))
        {
            throw new InvalidOperationException(
                $"Parameter '{parameter.Name}' of {GrainClass} has [PersistentState] but is not an IPersistentState<T>.");
        }

        var stateType = parameter.ParameterType.GetGenericArguments()[0];
        var create = (Func<GrainActivation, string, IGrainStorage, object>)s_createState.MakeGenericMethod(stateType).Invoke(null, null)!;
        var (stateName, storageName) = (persistent.StateName, persistent.StorageName);
        return (services, activation) => create(activation, stateName, services.GetRequiredKeyedService<IGrainStorage>(storageName));
    }

    private static Func<GrainActivation, string, IGrainStorage, object> CreateStateFactory<TState>() => PersistentState<TState>.Create;
}
