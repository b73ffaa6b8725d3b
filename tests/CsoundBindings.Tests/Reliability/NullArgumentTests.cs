using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests.Reliability;

/// <summary>
/// Every public method and constructor of the SDK with a reference parameter that is not nullable, called with null for
/// that parameter (and ordinary values for the others) on a fresh engine: each must throw
/// <see cref="ArgumentNullException"/> naming it, never reach Csound (<c>SetRtAudioModule(null)</c>,
/// <c>SetMidiModule(null)</c> and <c>OpenArrayChannel(name, null)</c> segfaulted).
/// </summary>
public sealed class NullArgumentTests
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static TheoryData<string> Members()
    {
        var data = new TheoryData<string>();
        foreach ((MethodBase method, ParameterInfo parameter) in NonNullableReferenceParameters())
        {
            data.Add(Describe(method, parameter));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void NullIsAnArgumentNullExceptionNamingTheParameter(string member)
    {
        (MethodBase method, ParameterInfo parameter) = NonNullableReferenceParameters()
            .Single(m => Describe(m.Method, m.Parameter) == member);
        using Csound cs = SilentEngine.Create(SilentEngine.Header + "instr 1\nendin\n");
        object?[] arguments = method.GetParameters().Select(p => p.Position == parameter.Position ? null : Ordinary(p.ParameterType)).ToArray();
        object? target = method.IsStatic || method is ConstructorInfo ? null : TargetFor(method.DeclaringType!, cs);
        var error = Assert.Throws<TargetInvocationException>(() =>
        {
            if (method is ConstructorInfo constructor)
            {
                constructor.Invoke(arguments);
            }
            else
            {
                method.Invoke(target, arguments);
            }
        });
        var thrown = Assert.IsType<ArgumentNullException>(error.InnerException, exactMatch: false);
        Assert.Equal(parameter.Name, thrown.ParamName);
    }

    [Fact]
    public void TheSurfaceIsCovered()
    {
        List<string> members = NonNullableReferenceParameters().Select(m => m.Method.Name).Distinct().ToList();
        Assert.Contains("SetRtAudioModule", members);
        Assert.Contains("SetMidiModule", members);
        Assert.Contains("OpenArrayChannel", members);
        int parameters = NonNullableReferenceParameters().Count();
        Assert.True(parameters > 40, $"only {parameters} parameters found");
    }

    [Fact]
    public void SpanTakingMembersCheckTheirReferenceParametersToo()
    {
        using Csound cs = SilentEngine.Create(SilentEngine.Header + "instr 1\nendin\n");
        cs.Start();
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => cs.SetAudioChannel(null!, [0.0])).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => cs.GetAudioChannel(null!, new double[64])).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => cs.SetControlChannelHints(null!, new ControlChannelHints(ControlChannelBehavior.None, 0, 0, 1))).ParamName);
    }

    private static IEnumerable<(MethodBase Method, ParameterInfo Parameter)> NonNullableReferenceParameters()
    {
        Type[] types = [typeof(Csound), typeof(PerformanceThread)];
        foreach (Type type in types)
        {
            IEnumerable<MethodBase> members = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName || m.Name.StartsWith("set_", StringComparison.Ordinal))
                .Cast<MethodBase>()
                .Concat(type.GetConstructors());
            foreach (MethodBase method in members.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.GetParameters().Length))
            {
                if (method.IsGenericMethodDefinition || method.Name.StartsWith("set_Item", StringComparison.Ordinal))
                {
                    continue;
                }
                // Spans cannot go through reflection (checked directly below); other parameters must have an ordinary value.
                if (method.GetParameters().Any(p => p.ParameterType.IsByRefLike || !CanMake(p.ParameterType)))
                {
                    continue;
                }
                foreach (ParameterInfo parameter in method.GetParameters())
                {
                    Type t = parameter.ParameterType;
                    if (t.IsValueType || t.IsByRef || t.IsPointer || parameter.IsOut)
                    {
                        continue;
                    }
                    if (Nullability.Create(parameter).WriteState != NullabilityState.NotNull)
                    {
                        continue;
                    }
                    yield return (method, parameter);
                }
            }
        }
    }

    private static string Describe(MethodBase method, ParameterInfo parameter) =>
        $"{method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})#{parameter.Name}";

    private static bool CanMake(Type type) =>
        type.IsValueType || type == typeof(string) || type.IsArray || typeof(Delegate).IsAssignableFrom(type) ||
        (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IEnumerable<>) || type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)));

    private static object? TargetFor(Type type, Csound cs) => type == typeof(Csound) ? cs : cs.PerformanceThread;

    // A harmless value of each parameter type, so that only the null parameter is wrong.
    private static object? Ordinary(Type type)
    {
        if (type == typeof(string))
        {
            return "x";
        }
        if (type.IsArray)
        {
            return Array.CreateInstance(type.GetElementType()!, 1);
        }
        if (type.IsValueType)
        {
            return Activator.CreateInstance(type);
        }
        if (type.IsGenericType)
        {
            return Array.CreateInstance(type.GetGenericArguments()[0], 0); // IEnumerable<T>, IReadOnlyList<T>
        }
        return null; // a delegate: checked as the null parameter itself
    }
}
