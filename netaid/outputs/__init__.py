"""What NETaid hands out: charts, the visit sheet, the crisis card, the key card, the review packet."""
