"""newsledger: a citable ledger of figures and events from crisis news."""
