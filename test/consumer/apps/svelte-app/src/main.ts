import { mount } from 'svelte';
import 'kijkom';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
