import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createAppRouter } from './router'
import './styles/base.css'
import './styles/components.css'
import './styles/data.css'

createApp(App).use(createPinia()).use(createAppRouter()).mount('#app')
