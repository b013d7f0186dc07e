"""The closed loop: complaints and requests (诉求), their status, and ratings (好差评)."""
