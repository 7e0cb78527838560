// Vue renders <plaudit-claps> from the built bundle: see framework-example.ts.
import { describeFrameworkExample } from './framework-example.js';

describeFrameworkExample('Vue', 'vue', 'vue.js');
