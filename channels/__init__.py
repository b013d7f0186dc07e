"""Custom Rasa input channels (WeChat customer-service messages, mini-program chat, hotline console)."""
