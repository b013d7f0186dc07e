"""Rasa's prediction graph run node after node, without building and scheduling a dask graph for every run.

Rasa 3.6 runs the model's graph three times per turn (the NLU parse and two or three policy predictions) through
``DaskGraphRunner.run``: each run recomputes the targets' sub-graph, builds a dask task graph, formats a debug
line with the inputs, and lets dask's synchronous scheduler order and execute it. That bookkeeping cost about
2 ms per turn of the Rasa process's CPU, as much as all NLU components but DIET together (``docs/benchmarks.md``,
"Issue 16, round 2"). :func:`install` (called by ``channels/server.py`` before Rasa starts) replaces the run with
one that keeps each target set's execution order (the sub-graph sorted so every node follows what it needs) and
calls the same graph nodes in it, with the same arguments as dask gives them: the outputs of the nodes they need,
the inputs as ``(name, value)`` pairs, the name itself for anything not in the graph. Results, hooks, the error
for an input clashing with a node name and the ``GraphRunError`` for a ``RuntimeError`` are Rasa's.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.exceptions import GraphRunError
from rasa.engine.graph import GraphSchema
from rasa.engine.runner.dask import DaskGraphRunner

ORIGINAL = DaskGraphRunner.run
_ORDERS = "_node_orders"


def execution_order(schema: GraphSchema, targets: list[str]) -> list[str]:
    """The nodes the targets need, each after every node it needs (inputs and unknown names left out).

    Args:
        schema: The graph.
        targets: The nodes whose outputs are wanted.

    Returns:
        Node names in an order in which each one's needs come first.
    """
    order: list[str] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen or name not in schema.nodes:
            return
        seen.add(name)
        for needed in schema.nodes[name].needs.values():
            visit(needed)
        order.append(name)

    for target in targets:
        visit(target)
    return order


def run(
    self: DaskGraphRunner, inputs: dict[str, Any] | None = None, targets: list[str] | None = None
) -> dict[str, Any]:
    """``DaskGraphRunner.run`` without dask: the same nodes called in a kept order (see the module's doc).

    Raises:
        GraphRunError: An input value names a node of the graph, or a node raised ``RuntimeError`` (as Rasa).
    """
    schema: GraphSchema = self._graph_schema
    run_targets = targets if targets else schema.target_names
    orders: dict[tuple[str, ...], list[str]] = self.__dict__.setdefault(_ORDERS, {})
    order = orders.get(tuple(run_targets))
    if order is None:
        order = orders[tuple(run_targets)] = execution_order(schema, run_targets)
    results: dict[str, Any] = {}
    for name, value in (inputs or {}).items():
        if isinstance(value, str) and (value in order or value in results):
            raise GraphRunError(
                f"Input value '{value}' clashes with a node name. Make sure that none of the input names passed "
                f"to the `run` method are the same as node names in the graph schema."
            )
        results[name] = (name, value)
    try:
        for name in order:
            if name not in results:  # an input of the same name replaces the node, as in Rasa's dask graph
                needs = schema.nodes[name].needs.values()
                results[name] = self._instantiated_nodes[name](*(results.get(needed, needed) for needed in needs))
    except RuntimeError as error:
        raise GraphRunError("Error running runner.") from error
    return dict(results[target] for target in run_targets)


def install() -> None:
    """Make ``DaskGraphRunner.run`` (every parse and prediction of ``rasa run``) the ordered one."""
    DaskGraphRunner.run = run
