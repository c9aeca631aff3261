namespace Dispatch.Matching.Domain;

/// <summary>
/// The matching meeting's solver (项目供需对接会): assigns open needs to teams so that first the
/// number of needs matched, then the total fit, is as large as possible, with no team given more
/// than its free places (capacity − open orders).
/// <para>
/// A min-cost flow source → need → team → sink, solved by successive shortest paths one need at a
/// time (the Hungarian scheme, with Dijkstra on reduced costs and potentials). Cost of need→team is
/// 100 − fit; every need also has a "stay unmatched" edge to the sink costing more than any set of
/// matches, so the optimum matches as many needs as possible before it looks at fit. Later needs may
/// push earlier ones to other teams along an augmenting path, which is what greedy cannot do.
/// </para>
/// <para>
/// Each need keeps only its best eligible teams until their free places reach the number of needs:
/// if an optimal plan sent a need elsewhere, one of those teams would still have a free place and
/// would fit at least as well, so pruning keeps an optimum and bounds the graph.
/// </para>
/// </summary>
internal static class MeetingPlanner
{
    private const int Unassigned = -1;
    private const int StaysUnmatched = -2;

    public static MeetingPlan Plan(IReadOnlyList<Order> needs, IReadOnlyList<Team> teams)
    {
        var n = needs.Count;
        var free = teams.Select(t => Math.Max(0, t.Capacity - t.OpenOrders)).ToArray();
        var edges = new (int Team, int Cost)[n][];
        var scores = new Dictionary<(int, int), int>();
        for (var i = 0; i < n; i++)
            edges[i] = CandidateTeams(needs[i], teams, free, n, i, scores);

        var solver = new Solver(n, teams.Count, free, edges);
        for (var i = 0; i < n; i++)
            solver.Add(i);

        var assignments = new List<PlanAssignment>();
        var unmatched = new List<Guid>();
        for (var i = 0; i < n; i++)
        {
            if (solver.TeamOf(i) is var t and >= 0)
                assignments.Add(new PlanAssignment(needs[i].NeedId, teams[t].TeamId, scores[(i, t)]));
            else
                unmatched.Add(needs[i].NeedId);
        }
        return new MeetingPlan(assignments, unmatched);
    }

    private static (int Team, int Cost)[] CandidateTeams(Order need, IReadOnlyList<Team> teams, int[] free, int needsCount, int needIndex, Dictionary<(int, int), int> scores)
    {
        var candidates = new List<(int Team, int Score)>();
        for (var t = 0; t < teams.Count; t++)
        {
            if (free[t] > 0 && ClaimEligibility.IsEligible(teams[t], need))
                candidates.Add((t, HallRanking.Points(need, teams[t])));
        }
        candidates.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Team.CompareTo(b.Team));

        var kept = new List<(int Team, int Cost)>();
        var places = 0;
        foreach (var (team, score) in candidates)
        {
            if (places >= needsCount)
                break;
            kept.Add((team, HallRanking.MaxScore - score));
            scores[(needIndex, team)] = score;
            places += free[team];
        }
        return [.. kept];
    }

    /// <summary>Successive shortest paths over the residual graph; node ids: needs 0..n-1, teams n..n+m-1, the sink n+m.</summary>
    private sealed class Solver
    {
        private readonly int _needs;
        private readonly int _sink;
        private readonly int[] _free;
        private readonly (int Team, int Cost)[][] _edges;
        private readonly int[] _teamOf;
        private readonly int[] _costOf;
        private readonly List<int>[] _members;
        private readonly long[] _potential;
        private readonly long[] _distance;
        private readonly int[] _previous;
        private readonly int[] _seen;
        private readonly int[] _done;
        private readonly long _unmatchedCost;
        private readonly List<int> _finalised = [];
        private readonly PriorityQueue<int, long> _queue = new();
        private int _stamp;

        public Solver(int needs, int teams, int[] free, (int Team, int Cost)[][] edges)
        {
            _needs = needs;
            _sink = needs + teams;
            _free = free;
            _edges = edges;
            _teamOf = Enumerable.Repeat(Unassigned, needs).ToArray();
            _costOf = new int[needs];
            _members = new List<int>[teams];
            _potential = new long[_sink + 1];
            _distance = new long[_sink + 1];
            _previous = new int[_sink + 1];
            _seen = new int[_sink + 1];
            _done = new int[_sink + 1];
            // Dearer than any set of matches can cost, so one more match always beats better fits.
            _unmatchedCost = (long)(HallRanking.MaxScore + 1) * (needs + 1);
        }

        public int TeamOf(int need) => _teamOf[need];

        public void Add(int source)
        {
            _stamp++;
            _finalised.Clear();
            _queue.Clear();
            Reach(source, 0, -1);
            while (_queue.TryDequeue(out var u, out var d))
            {
                if (_done[u] == _stamp || d > _distance[u])
                    continue;
                _done[u] = _stamp;
                _finalised.Add(u);
                if (u == _sink)
                    break;
                if (u < _needs)
                    FromNeed(u, d);
                else
                    FromTeam(u - _needs, d);
            }

            var total = _distance[_sink];
            foreach (var v in _finalised)
                _potential[v] += _distance[v] - total;
            Augment();
        }

        private void FromNeed(int need, long d)
        {
            foreach (var (team, cost) in _edges[need])
            {
                if (_teamOf[need] != team)
                    Reach(_needs + team, d + cost + _potential[need] - _potential[_needs + team], need);
            }
            if (_teamOf[need] != StaysUnmatched)
                Reach(_sink, d + _unmatchedCost + _potential[need] - _potential[_sink], need);
        }

        private void FromTeam(int team, long d)
        {
            var node = _needs + team;
            var members = _members[team];
            if (members is null || members.Count < _free[team])
                Reach(_sink, d + _potential[node] - _potential[_sink], node);
            if (members is null)
                return;
            // Residual back edges: a need this team holds may move elsewhere and make room.
            foreach (var need in members)
                Reach(need, d - _costOf[need] + _potential[node] - _potential[need], node);
        }

        private void Reach(int node, long d, int from)
        {
            if (_seen[node] == _stamp && _distance[node] <= d)
                return;
            _seen[node] = _stamp;
            _distance[node] = d;
            _previous[node] = from;
            _queue.Enqueue(node, d);
        }

        private void Augment()
        {
            // Walk back from the sink: each need on the path moves to the team after it.
            var node = _sink;
            var nextTeam = -1;
            while (node != -1)
            {
                var from = _previous[node];
                if (node < _needs)
                {
                    var need = node;
                    if (_teamOf[need] >= 0)
                        _members[_teamOf[need]].Remove(need);
                    if (nextTeam >= 0)
                    {
                        (_members[nextTeam] ??= []).Add(need);
                        _teamOf[need] = nextTeam;
                        _costOf[need] = _edges[need].First(e => e.Team == nextTeam).Cost;
                    }
                    else
                    {
                        _teamOf[need] = StaysUnmatched;
                    }
                    nextTeam = -1;
                }
                else if (node != _sink)
                {
                    nextTeam = node - _needs;
                }
                node = from;
            }
        }
    }
}
