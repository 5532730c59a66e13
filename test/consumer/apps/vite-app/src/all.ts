import 'kijkom';
