import { createApp } from 'vue';
import 'kijkom';
import App from './App.vue';

createApp(App).mount('#app');
