using System.Diagnostics.Metrics;
using StreamingApp.ServiceDefaults.Persistence;
using StreamingApp.ServiceDefaults.Telemetry;

namespace StreamingApp.Api.Parties;

/// <summary>
/// Watch party metrics of this instance. Instruments carry no unit so the Prometheus names read exactly
/// <c>party_active</c>, <c>party_members</c>, <c>party_commands_total</c>, <c>party_sync_offset_ms</c> and
/// <c>party_chat_messages_total</c>. The gauges count what is connected here: sum <c>party_members</c> over
/// instances; a party with members on two instances counts on both in <c>party_active</c>.
/// </summary>
public sealed class PartyMetrics
{
    public const string MeterName = $"{TelemetryDefaults.SourcePrefix}.Parties";

    /// <summary>Milliseconds from "in sync" to "clearly off" (the client seeks beyond 500 ms).</summary>
    private static readonly double[] OffsetBuckets = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

    private readonly Counter<long> _commands;
    private readonly Histogram<double> _syncOffset;
    private readonly Counter<long> _chatMessages;

    public PartyMetrics(IMeterFactory meterFactory, LocalConnections connections)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("party.active", () => connections.PartyCount, description: "Parties with members connected to this instance.");
        meter.CreateObservableGauge("party.members", () => connections.MemberCount, description: "Party members connected to this instance.");
        _commands = meter.CreateCounter<long>("party.commands", description: "Playback commands that changed a party, by command.");
        _syncOffset = meter.CreateHistogram("party.sync_offset_ms", description: "How far members' players were from the group's position, as the clients report it.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = OffsetBuckets });
        _chatMessages = meter.CreateCounter<long>("party.chat.messages", description: "Chat messages sent in parties.");
    }

    public void Command(PartyCommand command) => _commands.Add(1, new KeyValuePair<string, object?>("command", DocumentJson.EnumText(command)));

    public void SyncOffset(double offsetMs) => _syncOffset.Record(Math.Abs(offsetMs));

    public void ChatMessage() => _chatMessages.Add(1);
}
