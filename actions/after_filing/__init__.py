"""What follows a licence: seal and bank bookings, 免申即享 offers and notification settings."""
