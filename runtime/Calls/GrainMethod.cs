using System.Reflection;

namespace BudgetActors.Runtime;

/// <summary>
/// Describes one grain interface method. Generated code creates one per method, once, so a call never
/// looks anything up by reflection; the attributes that steer scheduling are read here, at start.
/// </summary>
public sealed class GrainMethod
{
    private static int s_lastId;

    /// <param name="interfaceType">The grain interface that declares the method.</param>
    /// <param name="name">The method's name.</param>
    /// <param name="parameterTypes">The declared parameter types, in order.</param>
    /// <param name="resultType">The awaited result type, or <see cref="VoidResult"/> for Task and ValueTask.</param>
    /// <param name="createCall">Builds a call from arguments (used when a call arrives over the network).</param>
    public GrainMethod(Type interfaceType, string name, Type[] parameterTypes, Type resultType, Func<object?[], GrainCall> createCall)
    {
        InterfaceType = interfaceType;
        Name = name;
        ParameterTypes = parameterTypes;
        ResultType = resultType;
        CreateCall = createCall;
        Id = Interlocked.Increment(ref s_lastId);
        FullName = $"{interfaceType.Name}.{name}";

        var method = interfaceType.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameterTypes)
            ?? throw new InvalidOperationException($"Grain method {FullName} was not found on {interfaceType}.");
        IsReadOnly = method.IsDefined(typeof(ReadOnlyAttribute), inherit: true);
        AlwaysInterleave = method.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: true);
        Timeout = method.GetCustomAttribute<ResponseTimeoutAttribute>(inherit: true)?.Timeout;
    }

    /// <summary>A method the runtime makes up for its own turns (timer ticks), not declared on any interface.</summary>
    internal GrainMethod(string name, bool isReadOnly, bool alwaysInterleave)
    {
        InterfaceType = typeof(Grain);
        Name = name;
        FullName = name;
        ParameterTypes = [];
        ResultType = typeof(VoidResult);
        CreateCall = static _ => throw new NotSupportedException("Runtime turns are not sent over the network.");
        Id = Interlocked.Increment(ref s_lastId);
        IsReadOnly = isReadOnly;
        AlwaysInterleave = alwaysInterleave;
    }

    /// <summary>A small process-wide number; call statistics are indexed by it.</summary>
    public int Id { get; }

    public Type InterfaceType { get; }

    public string Name { get; }

    /// <summary><c>Interface.Method</c>, as shown in errors and statistics.</summary>
    public string FullName { get; }

    public IReadOnlyList<Type> ParameterTypes { get; }

    public Type ResultType { get; }

    public Func<object?[], GrainCall> CreateCall { get; }

    public bool IsReadOnly { get; }

    public bool AlwaysInterleave { get; }

    /// <summary>The method's own deadline, when <see cref="ResponseTimeoutAttribute"/> sets one.</summary>
    public TimeSpan? Timeout { get; }

    public override string ToString() => FullName;
}
