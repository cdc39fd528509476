import { Table as AntTable, type TableProps } from 'antd';

/**
 * Ant Design's Table without its scrollbar measurement: on mount rc-table measures the scrollbar
 * through a <style> it creates without the page's nonce, which the CSP (style-src 'self' + nonce)
 * refuses (react-component/util#613, ant-design#58150, open). `tailor` skips that measurement; it
 * only matters for a fixed header (scroll.y) or a numeric scroll.x, which no table here uses.
 */
export function Table<Row extends object>(props: TableProps<Row>) {
  return <AntTable<Row> {...props} tailor />;
}
