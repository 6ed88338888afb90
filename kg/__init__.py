"""dipkg: a knowledge graph of diplomatic relations built from news.

``from kg import Graph`` gives the notebook API (:class:`kg.graph.Graph`); it is imported on first
use, so ``import kg`` stays cheap (the ``kg`` command imports only what each command needs).
"""

__version__ = "0.1.0"
__all__ = ["Graph", "__version__"]


def __getattr__(name: str) -> object:
    if name == "Graph":
        from kg.graph import Graph

        return Graph
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
