"""Scoring the pipeline against gold: one scorer module per kind (``figures``, ``events``,
``stories``, ``conflicts``, ``persons``), one P/R/F1 (``prf``), one run that ingests a gold set
and scores every kind it has gold for (``runner``), its report (``report``), and labeller
agreement (``agreement``). The gate's floors are in ``tests/evaluation/floors.toml``.
"""
