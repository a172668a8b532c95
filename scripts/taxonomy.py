"""The public codes of shared/TAXONOMY.md, in its order, for the scripts
that check and count labelled passages (classifiers/taxonomy.cc holds the
same list for intake itself)."""

CODES = {
    "article14": ["14.1", "14.2", "14.3", "14.4a", "14.4b", "14.4c", "14.5"],
    "activity": [
        "a.tools", "a.dissemination", "a.case_studies", "a.planning_sessions",
        "a.digital_learning", "b.bat_bep", "b.trade", "b.article5_facilities",
        "b.mercury_waste", "b.national_training", "c.expert_advice",
        "c.planning_meetings", "c.implementation_support", "d.partnerships",
        "d.supply_chain", "d.biodiversity_climate", "d.gender",
        "e.financial_contribution", "e.enabling_activities", "e.project",
        "e.expert_groups", "e.monitoring_research", "e.awareness",
        "e.institutional_legal"],
    "theme": [
        "supply_trade", "products", "processes", "asgm", "emissions",
        "releases", "storage", "waste", "contaminated_sites", "finance",
        "health", "information", "monitoring", "implementation_plans",
        "reporting"],
}

STANCES = ["need", "provided", "received", "other"]


def taxonomy_order():
    """(dimension, code) pairs in the order of shared/TAXONOMY.md."""
    return [(dim, code) for dim, codes in CODES.items() for code in codes]
